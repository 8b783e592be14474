// contracts-source-dates: of the contracts among $ids, the date of the source record each was read from
// and its amendments (an import never lets an older OCDS release overwrite a newer one).
MATCH (c:Contract)
WHERE c.id IN $ids
RETURN c.id AS id, c.sourceDate AS sourceDate, c.amendmentDates AS amendmentDates,
  c.amendmentDescriptions AS amendmentDescriptions;
