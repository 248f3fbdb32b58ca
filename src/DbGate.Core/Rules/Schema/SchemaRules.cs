using DbGate.Core.Rules.Schema.Design;
using DbGate.Core.Rules.Schema.Security;

namespace DbGate.Core.Rules.Schema;

/// <summary>The one list of schema rules; a test checks it, with the step rules, against rules/*.md.</summary>
public static class SchemaRules
{
    public static IReadOnlyList<ISchemaRule> All { get; } =
    [
        new ForeignKeyWithoutIndex(),
        new TableWithoutPrimaryKey(),
        new DuplicateIndex(),
        new IndexPrefixOfAnother(),
        new InvalidIndex(),
        new ConstraintNotValidated(),
        new ForeignKeyTypeMismatch(),
        new NullableForeignKeyWithoutMatchFull(),
        new UniqueOverNullableColumns(),
        new BooleanIndex(),
        new AllColumnsNullable(),
        new SerialInsteadOfIdentity(),
        new IntegerKeyOverflow(),
        new SequenceNotOwned(),
        new JsonColumn(),
        new TimestampWithoutTimeZone(),
        new MoneyColumn(),
        new FixedCharColumn(),
        new VarcharWithLength(),
        new TimeWithTimeZone(),
        new NameNeedsQuoting(),
        new NameAtLengthLimit(),
        new NameAgainstConvention(),
        new IndexNameAgainstPattern(),
        new ConstraintNameAgainstPattern(),
        new TableWithoutComment(),
        new ColumnWithoutComment(),
        new TooManyIndexes(),
        new CascadeIntoLargeTable(),
        new FunctionDependsOnSearchPath(),
        new BtreeIndexOnArray(),
        new DuplicateForeignKey(),
        new TypeBlockingUpgrade(),
        new SecurityDefinerWithoutSearchPath(),
        new SecurityDefinerExecutableByPublic(),
        new TableGrantedToPublic(),
        new SequenceGrantedToPublic(),
        new DefaultPrivilegesToPublic(),
        new SchemaCreateForPublic(),
        new RowSecurityWithoutPolicy(),
        new PolicyWithoutRowSecurity(),
        new PolicyAlwaysTrue(),
        new RowSecurityNotForced(),
        new TenantTableWithoutRowSecurity(),
        new ViewBypassesRowSecurity(),
        new ExtensionInPublic(),
        new RoleWithDangerousAttributes(),
        new SecretInPlainText(),
    ];
}
