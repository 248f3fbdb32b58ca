namespace DbGate.Tests.Seeding;

/// <summary>Schemas the seeding tests fill, written for them.</summary>
internal static class Schemas
{
    /// <summary>Most of what the generator handles at once: every supported type, a cycle, a self-reference, identity and serial keys.</summary>
    public const string Rich = """
        CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
        CREATE DOMAIN posint AS integer CHECK (VALUE > 0) CHECK (VALUE <= 500);
        CREATE DOMAIN code3 AS varchar(3) CHECK (char_length(VALUE) = 3);
        CREATE TABLE teams (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            name text NOT NULL UNIQUE,
            code code3 NOT NULL,
            score posint NOT NULL,
            lead_id bigint
        );
        CREATE TABLE people (
            id serial PRIMARY KEY,
            team_id bigint NOT NULL REFERENCES teams,
            manager_id integer REFERENCES people,
            email varchar(80) NOT NULL,
            mood mood NOT NULL CHECK (mood <> 'sad'),
            tags text[] NOT NULL,
            moods mood[],
            born date CHECK (born BETWEEN '1950-01-01' AND '2005-12-31'),
            seen timestamptz, local timestamp, wait interval CHECK (wait > '00:00:00'),
            ip inet, net cidr, mac macaddr, uid uuid NOT NULL UNIQUE, doc jsonb, doc2 json, raw bytea,
            ratio real CHECK (ratio BETWEEN 0 AND 1), precise double precision, amount numeric(8,3) CHECK (amount >= 10),
            grade char(2) CHECK (grade IN ('A+', 'B-', 'C ')),
            active boolean NOT NULL DEFAULT true, at time, price money, small smallint, tiny_list int[],
            doubled int GENERATED ALWAYS AS (level * 2) STORED,
            level int CHECK (level IN (1, 2, 3)),
            UNIQUE (team_id, email)
        );
        CREATE UNIQUE INDEX people_lower_email ON people (lower(email));
        ALTER TABLE teams ADD FOREIGN KEY (lead_id) REFERENCES people;
        CREATE TABLE memberships (
            person_id int NOT NULL REFERENCES people,
            team_id bigint NOT NULL REFERENCES teams,
            role text NOT NULL CHECK (role IN ('owner', 'member')),
            PRIMARY KEY (person_id, team_id)
        );
        CREATE UNIQUE INDEX one_owner_per_team ON memberships (team_id) WHERE role = 'owner';
        """;

    /// <summary>The example: customers, orders and their items.</summary>
    public const string Shop = """
        CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped');
        CREATE TABLE customers (
            id bigint PRIMARY KEY,
            email text NOT NULL UNIQUE,
            deleted_at timestamptz
        );
        CREATE TABLE orders (
            id bigint PRIMARY KEY,
            customer_id bigint NOT NULL REFERENCES customers,
            status order_status NOT NULL,
            total numeric(10,2) NOT NULL CHECK (total > 0),
            placed_at timestamptz NOT NULL
        );
        CREATE TABLE order_items (
            order_id bigint NOT NULL REFERENCES orders,
            line int NOT NULL CHECK (line BETWEEN 1 AND 50),
            quantity int NOT NULL CHECK (quantity > 0 AND quantity <= 10),
            PRIMARY KEY (order_id, line)
        );
        """;
}
