using System.Security.Cryptography;
using System.Text;

namespace Genomics.Access;

/// <summary>The data-access authority's ES256 (P-256) keys: creation, PEM files, and the key id (RFC 7638 thumbprint).</summary>
public static class AuthorityKey
{
    /// <summary>A new P-256 key pair.</summary>
    public static ECDsa Create() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>The RFC 7638 JWK thumbprint of the public key, base64url: stable across PEM re-encodings.</summary>
    public static string KeyId(ECDsa key)
    {
        var p = key.ExportParameters(includePrivateParameters: false);
        // Members in lexicographic order, no whitespace, as RFC 7638 §3 requires.
        var jwk = $"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{Base64Url.Encode(p.Q.X)}\",\"y\":\"{Base64Url.Encode(p.Q.Y)}\"}}";
        return Base64Url.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(jwk)));
    }

    /// <summary>Loads the authority's private key (PKCS#8 or SEC1 PEM); it must be a P-256 key.</summary>
    public static ECDsa LoadPrivate(string path)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
            var p = key.ExportParameters(includePrivateParameters: true);
            if (p.D is null)
            {
                throw new GenomicsFormatException(InputErrorKind.Malformed, path, "not a private key");
            }

            RequireP256(key, path);
            return key;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new GenomicsFormatException(InputErrorKind.Malformed, path, "not an EC private key PEM (" + e.Message + ")", innerException: e);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    internal static void RequireP256(ECDsa key, string path)
    {
        var curve = key.ExportParameters(false).Curve;
        if (key.KeySize != 256 || curve.Oid?.Value != "1.2.840.10045.3.1.7")
        {
            throw new GenomicsFormatException(InputErrorKind.Unsupported, path, "key is not on curve P-256 (ES256 needs P-256)");
        }
    }
}
