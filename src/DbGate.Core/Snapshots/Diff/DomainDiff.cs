namespace DbGate.Core.Snapshots;

internal static class DomainDiff
{
    public static void Compare(DomainDefinition e, DomainDefinition a, DifferenceCollector differences)
    {
        var name = e.QualifiedName;
        differences.Changed(SchemaObjectKind.Domain, name, $"domain {name}",
            new ChangeList()
                .Value("base type", e.BaseType, a.BaseType)
                .Value("default", e.Default, a.Default)
                .Flag("", e.NotNull, a.NotNull, "NOT NULL", "nullable")
                .Value("collation", e.Collation, a.Collation)
                .Text("comment", e.Comment, a.Comment)
                .Privileges(e.Privileges, a.Privileges));

        Matching.Match(e.Constraints, a.Constraints, c => c.Name,
            c => differences.Missing(SchemaObjectKind.Constraint, $"{name}.{c.Name}", Label(name, c)),
            c => differences.Unexpected(SchemaObjectKind.Constraint, $"{name}.{c.Name}", Label(name, c)),
            (ec, ac) => differences.Changed(SchemaObjectKind.Constraint, $"{name}.{ec.Name}", Label(name, ec),
                new ChangeList()
                    .Flag("", ec.Validated, ac.Validated, "validated", "NOT VALID")
                    .Value("definition", Unvalidated(ec.Clause), Unvalidated(ac.Clause))
                    .Text("comment", ec.Comment, ac.Comment)));
    }

    private static string Label(string domain, DomainConstraintDefinition constraint) =>
        $"constraint {constraint.Name} on domain {domain}";

    // Validation is reported on its own; the clause repeats it as a suffix.
    private static string Unvalidated(string clause) =>
        clause.EndsWith(" NOT VALID", StringComparison.Ordinal) ? clause[..^" NOT VALID".Length] : clause;
}
