-- Demo organisation: the regions, providers and offices of the help sheets
-- (LA County WDACS in CalJOBS, Asian Human Services in ISETS, a C-Work
-- partner). Fixed ids and ON DUPLICATE KEY make loading it twice a no-op.
INSERT INTO regions (id, code, name, requires_agency_code) VALUES
  (1, 'CA-LA-WDACS', 'Los Angeles County WDACS', 1),
  (2, 'IL-CHICAGO', 'Chicago Cook Workforce Area', 0),
  (3, 'CA-BAY', 'Bay Area Workforce Region', 0)
ON DUPLICATE KEY UPDATE id = id;

INSERT INTO providers (id, name, agency_code) VALUES
  (1, 'WDACS Test', 'WDACS-001'),
  (2, 'Asian Human Services', 'AHS-IL-07'),
  (3, 'C-Work Community Partners', 'CWORK-03'),
  (4, 'Northside Career Center', 'NCC-IL-11')
ON DUPLICATE KEY UPDATE id = id;

INSERT INTO office_locations (id, provider_id, region_id, name, address) VALUES
  (1, 1, 1, 'WDACS East LA Office', '4801 E 3rd St, Los Angeles, CA 90022'),
  (2, 1, 1, 'WDACS Pomona Office', '2040 W Holt Ave, Pomona, CA 91768'),
  (3, 2, 2, 'AHS Chicago North', '4753 N Broadway, Chicago, IL 60640'),
  (4, 3, 3, 'C-Work Oakland', '1212 Broadway, Oakland, CA 94612'),
  (5, 4, 2, 'Northside Career Center', '3100 W Irving Park Rd, Chicago, IL 60618')
ON DUPLICATE KEY UPDATE id = id;

INSERT INTO staff_positions (id, name) VALUES
  (1, 'Staff'),
  (2, 'Case Manager'),
  (3, 'Supervisor'),
  (4, 'Program Administrator')
ON DUPLICATE KEY UPDATE id = id;
