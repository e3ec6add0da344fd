-- Territorial coherence, agreed targets per department (issue 4): filled as the issue lands.
SELECT 1;
