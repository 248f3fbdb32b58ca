using System.Text;
using DbGate.Core.Sql;

namespace DbGate.Tests.Sql;

public sealed class LargeInputTests
{
    private const string Block = """
        -- migration step
        CREATE TABLE t (id int PRIMARY KEY, note text DEFAULT 'a;b');
        INSERT INTO t VALUES (1, E'it\'s;'), (2, $$;$$);
        CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN true THEN 1 END; END;
        /* nested /* ; */ comment */ DROP TABLE "odd;name";

        """;

    [Fact]
    public void Large_file_splits_into_every_statement()
    {
        const int Repetitions = 30_000;
        var source = new StringBuilder(Block.Length * Repetitions).Insert(0, Block, Repetitions).ToString();

        var statements = SqlSplitter.Split(source);

        Assert.Equal(4 * Repetitions, statements.Count);
        Assert.Equal(Block.Count(c => c == '\n') * (Repetitions - 1) + 5, statements[^1].Line);
    }
}
