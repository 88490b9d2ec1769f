-- The projections' version per month (docs/reporting.md, "Cost of a request"): a change to the projections raises
-- report_projection_version once per transaction and stamps that number on every month (YYYY-MM, Pakistan time)
-- whose figures it can change: the month of arrival of each case it touched and the month each referral it touched
-- was received. Every figure about a case counts in its month of arrival, so figures of a period depend only on
-- the rows of its months: the protected figures of a period are kept under the highest number of its months (and
-- of '*', raised by a rebuild, which changes every month), and a change to another month leaves them cached.
CREATE TABLE report_month_version (
    month    VARCHAR(7) PRIMARY KEY,
    version  BIGINT     NOT NULL
);
INSERT INTO report_month_version (month, version) SELECT '*', version FROM report_projection_version;
