DROP TABLE parallel;
