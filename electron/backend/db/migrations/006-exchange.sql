-- Offline exchange between prefectures and the national level (issue 7): filled as the issue lands.
SELECT 1;
