DROP TABLE orphan;
