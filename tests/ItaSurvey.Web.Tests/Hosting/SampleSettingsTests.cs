using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace ItaSurvey.Web.Tests.Hosting;

/// <summary>
/// appsettings.sample.json is what an operator copies: it lists every setting the app reads, with
/// the value the app uses when the setting is absent, so the file cannot drift from the code.
/// </summary>
public class SampleSettingsTests
{
    private static readonly IConfigurationRoot Sample = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(Repository.Root, "appsettings.sample.json"), optional: false)
        .Build();

    public static TheoryData<Type> OptionTypes()
    {
        var types = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsClass && t.IsPublic && t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true })
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        return [.. types];
    }

    [Fact]
    public void Every_options_class_of_the_app_is_checked()
    {
        // Database, Accounts, Responding, Api, Oit:LinkCheck, Dashboards, Dashboards:Snapshots, Surveys.
        Assert.True(OptionTypes().Count >= 8, $"found {OptionTypes().Count} options classes");
    }

    [Theory]
    [MemberData(nameof(OptionTypes))]
    public void The_sample_names_every_setting_with_its_default(Type options)
    {
        var section = Sample.GetSection((string)options.GetField("Section")!.GetRawConstantValue()!);
        var defaults = Activator.CreateInstance(options)!;
        var bound = Activator.CreateInstance(options)!;
        section.Bind(bound);

        foreach (var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            Assert.True(section.GetSection(property.Name).Exists(), $"appsettings.sample.json has no {section.Path}:{property.Name}");
            if (property.Name != "Path") // Surveys:Path is empty in the sample: the definitions beside the app
            {
                Assert.Equal(property.GetValue(defaults), property.GetValue(bound));
            }
        }
    }

    [Fact]
    public void The_sample_names_the_public_base_address()
    {
        Assert.False(string.IsNullOrWhiteSpace(Sample["PublicBaseUrl"]));
    }
}
