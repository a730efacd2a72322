-- expect: validation-under-lock
SET lock_timeout = '5s';
ALTER TABLE orders ADD CONSTRAINT orders_amount_positive CHECK (amount > 0);
