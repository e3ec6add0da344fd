-- Excel exports of allocation decisions (issue 6): filled as the issue lands.
SELECT 1;
