using System.Text;
using System.Text.RegularExpressions;

namespace DbGate.Core.Configuration;

/// <summary>
/// Path globs as dbgate.yml's overrides write them: <c>**</c> any number of folders, <c>*</c> any part of one
/// name, <c>?</c> one character. Small enough to write by hand rather than pull in a file-system globbing package.
/// </summary>
internal static class Glob
{
    public static Regex ToRegex(string glob)
    {
        var pattern = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            if (glob[i] == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                pattern.Append(slash ? "(.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                pattern.Append(glob[i] switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(glob[i].ToString()),
                });
            }
        }
        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    /// <summary>A pattern naming a folder also matches everything under it.</summary>
    public static bool Matches(string glob, string path) =>
        ToRegex(glob).IsMatch(path) || ToRegex(glob.TrimEnd('/') + "/**").IsMatch(path);
}
