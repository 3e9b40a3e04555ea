import type { Metadata } from "next";
import localFont from "next/font/local";
import { cookies } from "next/headers";
import { Providers } from "@/components/providers";
import { THEME_COOKIE, parseTheme } from "@/components/theme/theme";
import "./globals.css";

// Self-hosted from the npm package: next/font/google needs the network at build time.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  weight: "100 900",
  display: "swap",
});

const description = "Warden is the operations console that takes AI agents from demo to production.";

export const metadata: Metadata = {
  // Social previews need absolute URLs: the console's public address (npm start sets it).
  metadataBase: new URL(process.env.NEXTAUTH_URL || "http://127.0.0.1:3000"),
  title: { default: "Warden", template: "%s · Warden" },
  description,
  icons: { icon: [{ url: "/icon.svg", type: "image/svg+xml" }] },
  openGraph: {
    type: "website",
    siteName: "Warden",
    title: "Warden",
    description,
    images: [{ url: "/og.png", width: 1200, height: 630, alt: "Warden: the operations console for AI agents" }],
  },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The chosen theme is on the first paint: no flash, and no inline script for the CSP to allow.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={inter.variable} data-theme={theme}>
      <body className="min-h-dvh font-sans">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
