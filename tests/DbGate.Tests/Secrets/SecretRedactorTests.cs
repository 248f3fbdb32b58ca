using DbGate.Core.Configuration;
using DbGate.Core.Results;

namespace DbGate.Tests.Secrets;

public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("could not connect: Host=db;Username=ci;Password=s3cr3t-value;Timeout=5", "could not connect: Host=db;Username=ci;Password=***;Timeout=5")]
    [InlineData("pwd = 'quoted value' here", "pwd=*** here")]
    [InlineData("postgresql://ci:s3cr3t-value@db:5432/app", "postgresql://ci:***@db:5432/app")]
    [InlineData("no secret in this line", "no secret in this line")]
    [InlineData("up failed: PGPASSWORD=s3cr3t-value psql -f up.sql", "up failed: PGPASSWORD=*** psql -f up.sql")]
    [InlineData("expected Host=…;Username=…;Password=…", "expected Host=…;Username=…;Password=…")]
    public void Password_shaped_text_is_masked_even_when_the_secret_was_never_registered(string text, string expected)
    {
        Assert.Equal(expected, new SecretRedactor().Redact(text));
    }

    [Fact]
    public void A_registered_connection_is_masked_whole_and_its_password_wherever_it_appears()
    {
        var redactor = new SecretRedactor();
        redactor.AddConnection("Host=db;Username=ci;Password=hunter2-x");

        Assert.Equal("*** and *** again", redactor.Redact("Host=db;Username=ci;Password=hunter2-x and hunter2-x again"));
    }

    [Fact]
    public void Every_text_of_a_result_is_redacted_for_the_report_writers()
    {
        var redactor = new SecretRedactor();
        redactor.Add("hunter2-x");
        var result = new GateResult(
            "/root",
            "PostgreSQL 17 (external, hunter2-x)",
            [new StepResult("m", Phase.Up, Outcome.Failed, TimeSpan.Zero, "failed: hunter2-x")],
            [new Finding("DBG001", Level.Error, "up fails: hunter2-x", Details: ["detail: hunter2-x"])],
            TimeSpan.Zero,
            Complete: false,
            Interruption: "lost hunter2-x");

        var redacted = redactor.Redact(result);

        Assert.DoesNotContain("hunter2-x", System.Text.Json.JsonSerializer.Serialize(redacted), StringComparison.Ordinal);
        Assert.Equal("up fails: ***", redacted.Findings[0].Message);
    }

    [Fact]
    public void Values_too_short_to_be_secrets_are_not_masked_inside_ordinary_words()
    {
        var redactor = new SecretRedactor();
        redactor.Add("ab");

        Assert.Equal("table abc", redactor.Redact("table abc"));
    }

    [Theory]
    [InlineData("Host=db;Username=ci;Password=hunter2-x", "hunter2-x")]
    [InlineData("postgres://ci:hunter2-x@db:5432/app", "hunter2-x")]
    [InlineData("postgresql://ci:hunter%40x@db/app", "hunter@x")]
    [InlineData("postgres://ci@db/app", null)]
    [InlineData("Host=db;Password=hunter2-x;Bogus", "hunter2-x")]
    public void The_password_of_a_connection_string_is_found_in_either_form_even_when_malformed(string connection, string? password)
    {
        Assert.Equal(password, SecretRedactor.PasswordOf(connection));
    }
}
