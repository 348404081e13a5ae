using Persona.Spec.Concrete;

namespace Persona.Spec.Tests;

/// <summary>Concrete maps are persistent: a store never changes the map it was made from, and flattening long chains keeps every value.</summary>
public class MapValueTests
{
    [Fact]
    public void LongChainOfStores_IsFlattened_AndKeepsTheLastValueOfEveryKeyAndTheDefaultElsewhere()
    {
        MapValue map = FunctionMap.Constant(-1);
        var versions = new List<MapValue>();
        for (var i = 0; i < 100; i++)
        {
            map = map.Store((long)(i % 40), i);
            versions.Add(map);
            Assert.True(map.Depth <= 33, $"depth {map.Depth} after {i + 1} stores: chains must be flattened");
        }
        Assert.IsType<TableMap>(versions.First(v => v is TableMap));
        for (var k = 0L; k < 40; k++)
            Assert.Equal((int)(k < 20 ? 80 + k : 40 + k), map.Get(k));
        Assert.Equal(-1, map.Get(40L));
    }

    [Fact]
    public void Store_LeavesEveryEarlierVersionOfTheMapUnchanged()
    {
        MapValue map = FunctionMap.Constant(0);
        var versions = new List<MapValue> { map };
        for (var i = 1; i <= 80; i++)
        {
            map = map.Store(7L, i);
            versions.Add(map);
        }
        for (var i = 0; i < versions.Count; i++)
            Assert.Equal(i, versions[i].Get(7L));
    }

    [Fact]
    public void Flatten_OfAChainOverATable_KeepsTheTablesEntriesUnderTheNewerStores()
    {
        var table = new TableMap(FunctionMap.Constant("base"), new Dictionary<object, object> { [1L] = "table1", [2L] = "table2" });
        var flat = TableMap.Flatten(table.Store(2L, "new2").Store(3L, "new3"));
        Assert.Equal("table1", flat.Get(1L));
        Assert.Equal("new2", flat.Get(2L));
        Assert.Equal("new3", flat.Get(3L));
        Assert.Equal("base", flat.Get(4L));
        Assert.Equal("table2", table.Get(2L));
    }
}
