namespace AQueue.Orleans;

/// <summary>
/// The models of a silo or client: what every <c>AddAQueue(models =&gt; ...)</c> call registers, composed by the options
/// pattern into one <see cref="ModelRegistry"/> (each call is a <c>services.Configure&lt;AQueueOptions&gt;(...)</c>, run
/// in call order when the options are first read). Validated when the host starts: registrations that contradict each
/// other stop the silo or client from starting, with an <c>OptionsValidationException</c> naming them.
/// </summary>
public sealed class AQueueOptions
{
    /// <summary>The registry the <c>AddAQueue</c> calls fill. The silo's and client's <see cref="ModelRegistry"/>
    /// service is this object, read from <c>IOptions&lt;AQueueOptions&gt;</c>.</summary>
    public ModelRegistry Models { get; } = new();
}
