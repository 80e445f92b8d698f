/* dpo-cli-output.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-cli-output.h"
#include "dpo-error.h"

gboolean
dpo_cli_write_atomically (const char       *path,
                          DpoCliWriteFunc   write,
                          gpointer          source,
                          GError          **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);

  /* g_file_replace() writes to a temporary file and renames it on close. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, &local_error);
  if (stream != NULL &&
      write (source, G_OUTPUT_STREAM (stream), NULL, &local_error) &&
      g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error))
    return TRUE;

  if (stream != NULL && !g_output_stream_is_closed (G_OUTPUT_STREAM (stream)))
    {
      /* Closing with a cancelled cancellable drops the temporary file and
       * leaves any previous file as it was. */
      g_autoptr(GCancellable) abandon = g_cancellable_new ();
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
    }

  g_set_error (error, DPO_ERROR, DPO_ERROR_IO, _("Cannot write “%s”: %s"), name, local_error->message);
  return FALSE;
}
