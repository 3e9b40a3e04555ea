-- Every change to an action type bumps its version, whoever makes it. The agent API caches
-- action types and proves at write time that the version it decided on is still current, so a
-- change that forgot to bump the version would be read from a stale cache.
CREATE FUNCTION warden_bump_action_type_version() RETURNS trigger AS $$ BEGIN IF NEW.version = OLD.version AND NEW IS DISTINCT FROM OLD THEN NEW.version := OLD.version + 1; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;

CREATE TRIGGER action_types_bump_version
  BEFORE UPDATE ON "action_types"
  FOR EACH ROW EXECUTE FUNCTION warden_bump_action_type_version();
