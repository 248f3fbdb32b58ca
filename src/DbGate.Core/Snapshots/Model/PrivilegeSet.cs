namespace DbGate.Core.Snapshots;

/// <summary>Who owns an object and what has been granted on it; recorded only with <see cref="SnapshotOptions.IncludePrivileges"/>.</summary>
/// <param name="Owner">The owning role.</param>
/// <param name="Acl">ACL items such as <c>app=arw/postgres</c>, sorted; the owner's implicit default is spelled out so that
/// "never granted" and "granted then revoked back to default" compare equal.</param>
public sealed record PrivilegeSet(string Owner, ValueList<string> Acl);
