using System.Globalization;
using System.Text;

namespace EquityDashboard.Core.Text;

/// <summary>
/// Folds a name to a comparison key: case-, space-, hyphen- and punctuation-insensitive,
/// with Arabic letter variants (hamza on alef, alef maqsura, taa marbuta) unified and
/// Latin diacritics removed.
/// </summary>
public static class NameKey
{
    public static string Fold(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return string.Empty;
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var raw in decomposed)
        {
            var c = raw switch
            {
                'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
                'ى' => 'ي',
                'ة' => 'ه',
                'ؤ' => 'و',
                'ئ' => 'ي',
                _ => raw,
            };
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark) continue;
            if (c == 'ء' || c == 'ـ') continue; // lone hamza, tatweel
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
