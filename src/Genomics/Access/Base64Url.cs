namespace Genomics.Access;

/// <summary>base64url without padding (RFC 7515 §2), strict: padding, whitespace and the standard alphabet's + and / are refused.</summary>
internal static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length % 4 == 1 || text.AsSpan().IndexOfAnyExcept(Alphabet) >= 0)
        {
            return false;
        }

        var padded = text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (text.Length % 4)) % 4);
        try
        {
            bytes = Convert.FromBase64String(padded);
            // Only the canonical encoding is accepted: unused trailing bits must be zero.
            return Encode(bytes) == text;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static readonly System.Buffers.SearchValues<char> Alphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
}
