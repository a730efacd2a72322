-- Undo of V1: drops petclinic's tables, those that reference others first (written for this corpus; petclinic has
-- no undo of its own).
DROP TABLE visits;
DROP TABLE pets;
DROP TABLE owners;
DROP TABLE types;
DROP TABLE vet_specialties;
DROP TABLE specialties;
DROP TABLE vets;
