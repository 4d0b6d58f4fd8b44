package dev.mixauth.server.cli.client;

import dev.mixauth.sdk.Mix;
import dev.mixauth.sdk.models.AvailableProvider;
import dev.mixauth.sdk.models.GetPreferencesResponse;
import dev.mixauth.sdk.models.UserPreferences;
import dev.mixauth.server.cli.client.Table.Cell;
import java.time.Instant;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code mix-auth prefs}: shows the stored preferences and the providers to choose from. */
@Command(
    name = "prefs",
    description = {
      "Shows the preferences and the providers to choose from.",
      "",
      "The preferences include the preferred provider, the one that agents use by default. The"
          + " provider list shows each provider's models. Change the preferred provider with"
          + " mix-auth prefs set --provider ID."
    },
    subcommands = PrefsSetCommand.class)
public final class PrefsCommand extends ReportCommand<GetPreferencesResponse> {
  @Override
  GetPreferencesResponse fetch(Mix mix) {
    return mix.preferences().getPreferences();
  }

  @Override
  void printText(Output output, GetPreferencesResponse response) {
    response.storedPreferences().ifPresentOrElse(
        stored -> printPreferences(output, stored),
        () -> output.println("No preferences are stored; set the preferred provider with"
            + " mix-auth prefs set --provider ID."));
    output.println("");
    printProviders(output, response.availableProviders());
  }

  private static void printPreferences(Output output, UserPreferences stored) {
    Table table = new Table("PREFERENCE", "VALUE");
    table.add(Cell.plain("preferred_provider"), new Cell(orDash(stored.preferredProvider()), output::bold));
    table.add(Cell.plain("main_agent_model"), Cell.plain(orDash(stored.mainAgentModel())));
    table.add(Cell.plain("main_agent_max_tokens"), Cell.plain(orDash(stored.mainAgentMaxTokens())));
    table.add(Cell.plain("main_agent_reasoning_effort"), Cell.plain(orDash(stored.mainAgentReasoningEffort())));
    table.add(Cell.plain("sub_agent_model"), Cell.plain(orDash(stored.subAgentModel())));
    table.add(Cell.plain("sub_agent_max_tokens"), Cell.plain(orDash(stored.subAgentMaxTokens())));
    table.add(Cell.plain("sub_agent_reasoning_effort"), Cell.plain(orDash(stored.subAgentReasoningEffort())));
    table.add(Cell.plain("updated_at"), Cell.plain(stored.updatedAt() == null ? "-"
        : Instant.ofEpochSecond(stored.updatedAt()).toString()));
    table.print(output);
  }

  private static void printProviders(Output output, Map<String, AvailableProvider> providers) {
    Table table = new Table("PROVIDER", "NAME", "MODELS");
    providers.forEach((id, provider) ->
        table.add(Cell.plain(id), Cell.plain(provider.displayName()), Cell.plain(String.join(", ", provider.models()))));
    table.print(output);
  }

  private static String orDash(Object value) {
    return value == null ? "-" : value.toString();
  }
}
