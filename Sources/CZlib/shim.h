// The system zlib (Debian: zlib1g-dev), used by EInvoiceKit to inflate FlateDecode streams of PDF files.
#include <zlib.h>
