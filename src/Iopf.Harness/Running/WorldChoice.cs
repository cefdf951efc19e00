using System.CommandLine;
using Iopf.Worlds;
using Iopf.Worlds.Plan;

namespace Iopf.Harness.Running;

/// <summary>
/// The two options every checking command shares, with one meaning everywhere: `--world` names a world (a
/// built-in world or a world file's path, repeatable) and `--plan` the verification plan (coyote.json).
/// </summary>
public sealed class WorldChoice
{
    public Option<string[]> Worlds { get; } = new("--world")
    {
        Description = "World to check (repeatable): a built-in world's name or the path of a world file; default: the plan's worlds",
        HelpName = "name|path",
    };

    public Option<string?> Plan { get; } = new("--plan")
    {
        Description = "The verification plan; default: ./coyote.json when present, else the built-in plan (every built-in world)",
        HelpName = "coyote.json",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Worlds);
        command.Options.Add(Plan);
    }

    public VerificationPlan LoadPlan(ParseResult parsed) => LoadPlan(parsed.GetValue(Plan));

    /// <summary>The plan file given, else ./coyote.json when there is one (a user's own folder may have none).</summary>
    public static VerificationPlan LoadPlan(string? path) =>
        path is not null ? PlanReader.Load(path)
        : File.Exists(VerificationPlan.FileName) ? PlanReader.Load(VerificationPlan.FileName)
        : VerificationPlan.BuiltIn;

    /// <summary>The worlds named with --world, in the order given, or null when none was named.</summary>
    public IReadOnlyList<WorldDefinition>? Named(ParseResult parsed, VerificationPlan plan)
    {
        var names = parsed.GetValue(Worlds) ?? [];
        if (names.Length == 0)
        {
            return null;
        }

        var worlds = new List<WorldDefinition>();
        foreach (var name in names)
        {
            var world = plan.Resolve(name);
            if (worlds.Any(w => w.Name == world.Name))
            {
                throw new UsageException($"--world: '{world.Name}' is named twice");
            }

            worlds.Add(world);
        }

        return worlds;
    }
}
