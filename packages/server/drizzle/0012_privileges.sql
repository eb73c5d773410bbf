-- placeholder (issue 15); replaced by its owner or removed
SELECT 1;
