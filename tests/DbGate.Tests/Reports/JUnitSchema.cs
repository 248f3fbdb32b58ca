using DbGate.Tests.Infrastructure;
using System.Xml;
using System.Xml.Schema;

namespace DbGate.Tests.Reports;

/// <summary>Validates against the strict Apache Ant JUnit schema; warnings count too, since an undeclared root is only a warning.</summary>
internal static class JUnitSchema
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(Load);

    public static IReadOnlyList<string> Validate(string xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints,
            Schemas = Schemas.Value,
            DtdProcessing = DtdProcessing.Prohibit,
        };
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} at {e.Exception?.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }
        return problems;
    }

    private static XmlSchemaSet Load()
    {
        var set = new XmlSchemaSet();
        using var reader = XmlReader.Create(RepoPaths.JUnitSchema, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        set.Add(null, reader);
        set.Compile();
        return set;
    }
}
