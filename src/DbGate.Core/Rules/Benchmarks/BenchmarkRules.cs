namespace DbGate.Core.Rules.Benchmarks;

/// <summary>The one list of benchmark rules; a test checks it against rules/*.md so neither can drift.</summary>
public static class BenchmarkRules
{
    public static IReadOnlyList<IBenchmarkRule> All { get; } =
    [
        new BenchmarkQueryFails(),
        new PlanCostOverBudget(),
        new PlanBuffersOverBudget(),
        new RowsRemovedOverBudget(),
        new RowsMisestimated(),
        new ForbiddenPlanNode(),
        new QueryTimeOverBudget(),
        new BenchmarkRegressed(),
        new PlanShapeChanged(),
    ];
}
