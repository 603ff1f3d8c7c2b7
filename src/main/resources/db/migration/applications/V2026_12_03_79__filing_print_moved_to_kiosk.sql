-- Receipt prints are the kiosk's now (kiosk_print, filled from this table by V2026_12_03_78).
drop table filing_print;
