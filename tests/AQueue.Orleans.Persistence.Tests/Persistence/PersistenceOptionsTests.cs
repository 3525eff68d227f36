using Xunit;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>Which rule chooses a model's storage.</summary>
public sealed class PersistenceOptionsTests
{
    [Fact]
    public void The_first_matching_rule_wins_by_type_kind_and_key_prefix()
    {
        var options = new AQueuePersistenceOptions()
            .Persist<long>("counters", keyPrefix: "counter/", kind: ModelKind.Actor)
            .Persist<long>("longs")
            .Persist<string>("strings", kind: ModelKind.RwModel);

        Assert.Equal("counters", options.FindStorage(typeof(long), ModelKind.Actor, "counter/1"));
        Assert.Equal("longs", options.FindStorage(typeof(long), ModelKind.RwModel, "counter/1"));
        Assert.Equal("longs", options.FindStorage(typeof(long), ModelKind.Actor, "other"));
        Assert.Equal("strings", options.FindStorage(typeof(string), ModelKind.RwModel, "x"));
        Assert.Null(options.FindStorage(typeof(string), ModelKind.Actor, "x"));
        Assert.Null(options.FindStorage(typeof(int), ModelKind.Actor, "counter/1"));
        Assert.Null(options.FindStorage(typeof(long), ModelKind.PCModel, "counter/1"));
    }

    [Fact]
    public void Bad_rules_are_refused_with_what_is_wrong()
    {
        var options = new AQueuePersistenceOptions();

        var pc = Assert.Throws<ArgumentException>(() => options.Persist<long>("store", kind: ModelKind.PCModel));
        Assert.Contains("PCModel is not persisted", pc.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => options.Persist<long>(null!));
        Assert.Throws<ArgumentException>(() => options.Persist<long>(" "));
        Assert.Throws<ArgumentException>(() => options.Persist<long>("store", kind: (ModelKind)42));
        Assert.Null(options.FindStorage(typeof(long), ModelKind.Actor, "k"));
    }
}
