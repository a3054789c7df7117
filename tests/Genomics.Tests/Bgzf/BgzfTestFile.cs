namespace Genomics.Tests.Bgzf;

/// <summary>A BGZF file made in a test, with where each of its blocks starts.</summary>
internal sealed record BgzfTestFile(byte[] Bytes, IReadOnlyList<long> BlockOffsets);
