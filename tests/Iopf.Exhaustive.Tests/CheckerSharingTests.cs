using System.Runtime.CompilerServices;
using Iopf.Protocol.Observations;
using Iopf.Specs.Properties;

namespace Iopf.Exhaustive.Tests;

/// <summary>
/// The explorer shares a checker between a state and its successor when the step produced nothing the checker
/// observes. That is sound only if a checker really ignores every other observation type: checked here.
/// </summary>
public class CheckerSharingTests
{
    [Fact]
    public void A_checker_is_unchanged_by_observations_it_does_not_observe()
    {
        var types = typeof(Observation).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Observation)) && !t.IsAbstract).ToList();
        Assert.NotEmpty(types);
        foreach (var property in PropertySet.Create())
        {
            var before = CheckerBytes.Of(property);
            foreach (var type in types.Where(t => !property.Observes.Contains(t)))
            {
                Assert.Null(property.Observe((Observation)RuntimeHelpers.GetUninitializedObject(type)));
                Assert.True(before.SequenceEqual(CheckerBytes.Of(property)), $"{property.Name} changed on {type.Name}");
            }
        }
    }
}
