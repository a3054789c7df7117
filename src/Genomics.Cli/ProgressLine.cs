using System.Diagnostics;
using System.Globalization;
using Genomics.Conversion;

namespace Genomics.Cli;

/// <summary>
/// One self-overwriting status line on stderr (bytes read of total, MB/s, variants, ETA), only when stderr
/// is a terminal: logs and pipes get no control characters.
/// </summary>
internal sealed class ProgressLine : IProgress<ConversionProgress>, IDisposable
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly string _label;
    private long _lastDraw = -1;
    private bool _drawn;

    private ProgressLine(string label)
    {
        _label = label;
    }

    public static ProgressLine? Create(string label, bool quiet) => quiet || Console.IsErrorRedirected ? null : new ProgressLine(label);

    public void Report(ConversionProgress value)
    {
        var now = _clock.ElapsedMilliseconds;
        if (_lastDraw >= 0 && now - _lastDraw < 250)
        {
            return;
        }

        _lastDraw = now;
        var ci = CultureInfo.InvariantCulture;
        var seconds = Math.Max(0.001, _clock.Elapsed.TotalSeconds);
        var mbps = value.BytesRead / 1e6 / seconds;
        var text = $"{_label}: {value.BytesRead / 1e6:N0} MB";
        if (value.TotalBytes is > 0 and var total)
        {
            var fraction = Math.Min(1, (double)value.BytesRead / total);
            var eta = fraction > 0 ? seconds * (1 - fraction) / fraction : 0;
            text += $" of {total / 1e6:N0} MB ({fraction * 100:F0}%), ETA {eta:F0} s";
        }

        text += $", {mbps.ToString("F0", ci)} MB/s, {value.Variants.ToString("N0", ci)} variants";
        lock (_clock)
        {
            Console.Error.Write("\r" + text.PadRight(Width));
            _drawn = true;
        }
    }

    /// <summary>Blanks the line so a message (a warning, from any thread) can be printed in its place.</summary>
    public void Clear()
    {
        lock (_clock)
        {
            if (_drawn)
            {
                Console.Error.Write("\r" + new string(' ', Width) + "\r");
                _drawn = false;
            }
        }
    }

    private static int Width => Math.Min(Console.BufferWidth - 1, 100);

    public void Dispose()
    {
        if (_drawn)
        {
            Console.Error.WriteLine();
        }
    }
}
