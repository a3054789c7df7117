namespace Genomics.Plink;

/// <summary>
/// One input line exactly as read: its text and the terminator that ended it ("\n", "\r\n", or "" for a last line
/// without one). Writers copy it back verbatim, which is what makes export byte-identical to the original file.
/// </summary>
/// <param name="Text">The line without its terminator; the readers accept only valid UTF-8, so this is lossless.</param>
/// <param name="Terminator">"\n", "\r\n" or "".</param>
public sealed record SourceLine(string Text, string Terminator);
