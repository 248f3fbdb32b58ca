CREATE EVENT TRIGGER probe_ddl ON ddl_command_start EXECUTE FUNCTION on_ddl();
