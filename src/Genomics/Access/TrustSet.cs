using System.Security.Cryptography;

namespace Genomics.Access;

/// <summary>
/// The authority public keys the operator installed: a PEM file (one or more PUBLIC KEY blocks) or a folder of
/// *.pem files. Keys are looked up by their RFC 7638 thumbprint (the grant's kid). Private key blocks are ignored:
/// a trust set never needs them.
/// </summary>
public sealed class TrustSet : IDisposable
{
    private readonly Dictionary<string, ECDsa> keys;

    private TrustSet(Dictionary<string, ECDsa> keys, string source)
    {
        this.keys = keys;
        Source = source;
    }

    /// <summary>Where the keys came from (for messages).</summary>
    public string Source { get; }

    /// <summary>The key ids in the set.</summary>
    public IReadOnlyCollection<string> KeyIds => keys.Keys;

    /// <summary>A trust set of the given public keys (their public parts are copied).</summary>
    public static TrustSet FromKeys(IEnumerable<ECDsa> publicKeys, string source = "<memory>")
    {
        var set = new Dictionary<string, ECDsa>(StringComparer.Ordinal);
        foreach (var key in publicKeys)
        {
            var copy = ECDsa.Create(key.ExportParameters(includePrivateParameters: false));
            set.TryAdd(AuthorityKey.KeyId(copy), copy);
        }

        return new TrustSet(set, source);
    }

    /// <summary>Loads a PEM file or every *.pem in a folder; refuses (access denied) when nothing usable is found.</summary>
    public static TrustSet Load(string path)
    {
        string[] files;
        if (Directory.Exists(path))
        {
            files = Directory.GetFiles(path, "*.pem");
            Array.Sort(files, StringComparer.Ordinal);
        }
        else if (File.Exists(path))
        {
            files = [path];
        }
        else
        {
            throw Refuse($"trust set {path} does not exist (a PEM file or a folder of PEM public keys)");
        }

        var set = new Dictionary<string, ECDsa>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Refuse($"trust file {file} cannot be read: {e.Message}");
            }

            var rest = text.AsSpan();
            while (PemEncoding.TryFind(rest, out var fields))
            {
                if (rest[fields.Label].SequenceEqual("PUBLIC KEY"))
                {
                    var key = ECDsa.Create();
                    try
                    {
                        key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(rest[fields.Base64Data].ToString()), out _);
                        AuthorityKey.RequireP256(key, file);
                    }
                    catch (Exception e) when (e is CryptographicException or FormatException or GenomicsFormatException)
                    {
                        key.Dispose();
                        throw Refuse($"trust file {file} holds a PUBLIC KEY that is not a P-256 EC key ({e.Message})");
                    }

                    if (!set.TryAdd(AuthorityKey.KeyId(key), key))
                    {
                        key.Dispose();
                    }
                }

                rest = rest[fields.Location.End..];
            }
        }

        return set.Count > 0 ? new TrustSet(set, path) : throw Refuse($"trust set {path} holds no P-256 PUBLIC KEY PEM");
    }

    internal ECDsa? Find(string keyId) => keys.GetValueOrDefault(keyId);

    public void Dispose()
    {
        foreach (var key in keys.Values)
        {
            key.Dispose();
        }
    }

    private static AccessDeniedException Refuse(string reason) => new(AccessRequirement.TrustConfiguration, reason);
}
