using DbGate.Core.Execution;
using DbGate.Core.Observation;
using DbGate.Core.Results;

namespace DbGate.Core.Rules.Lint;

/// <summary>
/// A DBG1xx rule: a pure function from one observed statement (and the statements around it in its script) to
/// findings. The base class places each finding at the statement, drops it to a note when every table it is about
/// is small in production, and one level lower for a down.
/// </summary>
public abstract class StatementRule : IStepRule
{
    public abstract string Id { get; }

    public IEnumerable<Finding> Check(StepFacts facts)
    {
        foreach (var group in facts.Statements.GroupBy(s => (s.Location.Path, s.Phase)))
        {
            var script = group.ToList();
            for (var i = 0; i < script.Count; i++)
            {
                var context = new StatementContext(script[i], script, i, facts);
                foreach (var issue in Check(context))
                    yield return ToFinding(context, issue);
            }
        }
    }

    /// <summary>What the rule finds in one statement.</summary>
    protected abstract IEnumerable<LintIssue> Check(StatementContext context);

    private Finding ToFinding(StatementContext context, LintIssue issue)
    {
        var level = RuleCatalog.Get(Id).DefaultLevel;
        if (issue.Tables.Count > 0 && issue.Tables.All(context.Sizes.IsSmall))
            level = Level.Note;
        if (context.Statement.Phase == Phase.Down)
            level = (Level)Math.Max((int)Level.Note, (int)level - 1);
        var details = issue.Details.ToList();
        if (issue.Tables.Count > 0 && issue.Tables.All(context.Sizes.IsSmall))
            details.Add($"a note only: lint.tables gives {string.Join(", ", issue.Tables)} fewer than {context.Sizes.SmallTableRows} rows (lint.small_table_rows)");
        if (context.Statement.Phase == Phase.Down)
            details.Add("in a down: one level lower than in an up");
        return new Finding(Id, level, issue.Message, context.Statement.Location, context.Facts.Migration.Id, details, context.Statement.Phase);
    }
}

/// <summary>One finding of a statement rule before it is placed and levelled.</summary>
/// <param name="Tables">The pre-existing tables it is about (schema.name), which decide whether it is only a note.</param>
public sealed record LintIssue(string Message, IReadOnlyList<string> Tables, IReadOnlyList<string> Details)
{
    public LintIssue(string message, params string[] tables)
        : this(message, tables, []) { }
}

/// <summary>A statement with what a rule may need around it: its script's other statements and production sizes.</summary>
public sealed record StatementContext(StatementObservation Statement, IReadOnlyList<StatementObservation> Script, int Index, StepFacts Facts)
{
    public ProductionSizes Sizes => Facts.Sizes;

    /// <summary>"public.orders (≈50M rows)", or the bare name when its size is unknown.</summary>
    public string Table(string qualifiedName) => Sizes.Describe(qualifiedName);

    /// <summary>How to run a statement outside a transaction with this migration tool.</summary>
    public string OutsideTransactionHow => Facts.Migration.OutsideTransactionHint is { } hint
        ? $"outside a transaction ({hint})"
        : Facts.Migration.OneStatementRunsAlone
            ? "in a migration file of its own that holds only that statement (the tool then sends it outside a transaction)"
            : "in a migration that runs outside a transaction";

    /// <summary>The statements of the same script after this one that still ran inside its transaction.</summary>
    public IEnumerable<StatementObservation> LaterInTransaction(HeldLock taken) =>
        Script.Skip(Index + 1).TakeWhile(s => !s.IsTransactionControl && s.HeldBefore.Any(h => h.Oid == taken.Oid && h.Mode == taken.Mode));

    /// <summary>The earlier statement of this transaction that took <paramref name="held"/>.</summary>
    public StatementObservation? TakenBy(HeldLock held) =>
        Script.Take(Index).LastOrDefault(s => s.Taken.Any(t => t.Oid == held.Oid && t.Mode == held.Mode));

    /// <summary>The name of a table the statement holds a lock on (taken by it or before it).</summary>
    public string TableOf(long oid) => Statement.Taken.Concat(Statement.HeldBefore).First(l => l.Oid == oid).Name;

    public bool PreExistingTable(long oid) =>
        Statement.Taken.Any(l => l.Oid == oid && l.PreExisting) || Statement.HeldBefore.Any(l => l.Oid == oid);
}
