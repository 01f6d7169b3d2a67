-- A large yard's totals must not overflow: amounts up to 10^16 ₽, delivered weight up to 10^15 kg.
ALTER TABLE deal_delivery ALTER COLUMN amount TYPE numeric(18, 2);
ALTER TABLE deal_view ALTER COLUMN delivered_kg TYPE numeric(18, 3);
