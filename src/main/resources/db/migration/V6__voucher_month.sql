-- Version 6: the month of each voucher in each file (yyyy-MM of its first line's date). A later file's voucher
-- replaces the earlier lines of the same number (SPEC 3.6); when the two are of different months, the finance
-- system most likely numbers its vouchers anew each month, and the replacement is reported as a finding.
-- Vouchers stored before this version have no month and are not compared.

ALTER TABLE ledger_voucher ADD COLUMN voucher_month TEXT;
