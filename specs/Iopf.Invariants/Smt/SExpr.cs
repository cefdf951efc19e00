namespace Iopf.Invariants.Smt;

/// <summary>An s-expression as Z3 prints it: an atom (symbol or literal) or a parenthesised list.</summary>
public abstract record SExpr;

public sealed record SAtom(string Text) : SExpr
{
    public override string ToString() => Text;
}

public sealed record SList(IReadOnlyList<SExpr> Items) : SExpr
{
    public override string ToString() => "(" + string.Join(' ', Items) + ")";
}
