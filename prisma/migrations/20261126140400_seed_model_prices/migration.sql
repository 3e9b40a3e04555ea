-- Default list prices (USD per million tokens, stored as micro-dollars) so token-only spans get a
-- cost out of the box. Operators adjust rows in model_prices. A model matches its longest listed
-- prefix ("gpt-4o-mini-2024-07-18" → "gpt-4o-mini").
INSERT INTO "model_prices" ("model", "input_micros_per_million", "output_micros_per_million", "updated_at") VALUES
  ('gpt-4o',            2500000,  10000000, now()),
  ('gpt-4o-mini',        150000,    600000, now()),
  ('gpt-4.1',           2000000,   8000000, now()),
  ('gpt-4.1-mini',       400000,   1600000, now()),
  ('gpt-4.1-nano',       100000,    400000, now()),
  ('o3-mini',           1100000,   4400000, now()),
  ('claude-3-5-haiku',   800000,   4000000, now()),
  ('claude-3-5-sonnet', 3000000,  15000000, now()),
  ('claude-3-7-sonnet', 3000000,  15000000, now()),
  ('claude-sonnet-4',   3000000,  15000000, now()),
  ('claude-opus-4',    15000000,  75000000, now()),
  ('gemini-1.5-pro',    1250000,   5000000, now()),
  ('gemini-2.0-flash',   100000,    400000, now())
ON CONFLICT ("model") DO NOTHING;
