namespace Genomics.Plink;

/// <summary>Sex as the dataset stores it (INT8): .fam codes other than 1 and 2 mean unknown.</summary>
public enum PlinkSex : sbyte
{
    /// <summary>Code 0 or any code other than 1 and 2.</summary>
    Unknown = 0,

    /// <summary>Code 1.</summary>
    Male = 1,

    /// <summary>Code 2.</summary>
    Female = 2,
}
