using System.Text;
using ItaSurvey.Core.Loading;

namespace ItaSurvey.Core.Tests;

public class JsonLineIndexTests
{
    private const string Document = """
        {
          "a": 1,
          "list": [
            { "code": "x" },
            {
              "code": "y",
              "items": [ 1, 2 ]
            }
          ]
        }
        """;

    [Theory]
    [InlineData("$", 1)]
    [InlineData("$.a", 2)]
    [InlineData("$.list", 3)]
    [InlineData("$.list[0]", 4)]
    [InlineData("$.list[0].code", 4)]
    [InlineData("$.list[1]", 5)]
    [InlineData("$.list[1].code", 6)]
    [InlineData("$.list[1].items[1]", 7)]
    [InlineData("$.list[1].missing", 5)] // a missing property points at its object
    public void Paths_map_to_the_line_where_they_start(string path, int line)
    {
        var index = JsonLineIndex.Build(Encoding.UTF8.GetBytes(Document));

        Assert.Equal(line, index.LineOf(path));
    }

    [Fact]
    public void JSON_pointers_become_paths_with_array_indexes()
    {
        var index = JsonLineIndex.Build(Encoding.UTF8.GetBytes(Document));

        Assert.Equal("$.list[1].items[0]", index.PathOf("/list/1/items/0"));
        Assert.Equal("$", index.PathOf(""));
    }
}
