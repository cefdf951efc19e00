namespace Iopf.Specs.Judging;

/// <summary>What a property found: its name and one readable sentence (a violation, or an obligation still owed).</summary>
public sealed record Verdict(string Property, string Sentence);
