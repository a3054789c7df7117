namespace Genomics.Bgzf;

/// <summary>
/// Chooses the DEFLATE decoder once per process: libdeflate when it loads, else the managed one. The environment
/// variable <see cref="EnvironmentVariable"/> (<c>libdeflate</c> or <c>managed</c>) forces a choice, for
/// comparing the two or working around a broken system library.
/// </summary>
public static class InflateBackends
{
    /// <summary>The environment variable that forces a backend.</summary>
    public const string EnvironmentVariable = "GENOMICS_INFLATE";

    private static readonly Lazy<bool> LibdeflateLoads = new(ProbeLibdeflate);

    private static readonly Lazy<InflateBackend> Chosen = new(Choose);

    /// <summary>Whether libdeflate.so.0 loads and allocates a decompressor on this machine.</summary>
    public static bool IsLibdeflateAvailable => LibdeflateLoads.Value;

    /// <summary>
    /// The backend readers use unless told otherwise.
    /// </summary>
    /// <exception cref="InvalidOperationException">The environment variable names an unknown or unavailable backend.</exception>
    public static InflateBackend Default => Chosen.Value;

    /// <summary>Whether <paramref name="backend"/> can run on this machine.</summary>
    public static bool IsAvailable(InflateBackend backend) => backend switch
    {
        InflateBackend.Libdeflate => IsLibdeflateAvailable,
        InflateBackend.Managed => true,
        _ => false,
    };

    /// <summary>Parses a forced choice; null or blank means "no preference".</summary>
    internal static InflateBackend? ParseChoice(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return value.Trim().ToUpperInvariant() switch
        {
            "LIBDEFLATE" => InflateBackend.Libdeflate,
            "MANAGED" => InflateBackend.Managed,
            _ => throw new InvalidOperationException(
                $"{EnvironmentVariable}={value} is not a known inflate backend; use 'libdeflate' or 'managed'"),
        };
    }

    internal static void ThrowIfUnavailable(InflateBackend backend)
    {
        if (!IsAvailable(backend))
        {
            throw new InvalidOperationException(
                $"inflate backend {backend} is not available: {LibdeflateNative.Library} could not be loaded");
        }
    }

    private static InflateBackend Choose()
    {
        var forced = ParseChoice(Environment.GetEnvironmentVariable(EnvironmentVariable));
        if (forced is { } backend)
        {
            ThrowIfUnavailable(backend);
            return backend;
        }

        return IsLibdeflateAvailable ? InflateBackend.Libdeflate : InflateBackend.Managed;
    }

    private static bool ProbeLibdeflate()
    {
        try
        {
            // A real round trip resolves every entry point now, so a half-exported library cannot fail later, mid-file.
            using var decoder = new LibdeflateDecoder();
            ReadOnlySpan<byte> storedBlock = [0x01, 0x03, 0x00, 0xfc, 0xff, 0x61, 0x62, 0x63];
            Span<byte> output = stackalloc byte[3];
            return decoder.Inflate(storedBlock.ToArray(), output, out var written) == InflateStatus.Ok
                && written == 3
                && output.SequenceEqual("abc"u8)
                && decoder.Crc32(output) == 0x352441C2u;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or InsufficientMemoryException)
        {
            return false;
        }
    }
}
