namespace DbGate.Tests.CrossCheck;

/// <summary>
/// One side's verdict on one migration, in words both sides can produce: ok, up-fails, no-down, down-fails,
/// down-differs, column-order, redo-fails, redo-differs, or column-order followed by a redo verdict.
/// </summary>
/// <param name="Evidence">Why, for a reader of a failing test: the error or the differing statements.</param>
internal sealed record StepVerdict(string Verdict, string Evidence = "")
{
    public const string Ok = "ok";
    public const string UpFails = "up-fails";
    public const string NoDown = "no-down";
    public const string DownFails = "down-fails";
    public const string DownDiffers = "down-differs";
    public const string ColumnOrder = "column-order";
    public const string RedoFails = "redo-fails";
    public const string RedoDiffers = "redo-differs";

    /// <summary>A redo verdict after a down that restored everything but the column order.</summary>
    public static StepVerdict AfterColumnOrder(StepVerdict redo) =>
        redo.Verdict == Ok ? new(ColumnOrder) : new($"{ColumnOrder}+{redo.Verdict}", redo.Evidence);
}
