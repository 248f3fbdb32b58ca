CREATE TYPE shell_only;
