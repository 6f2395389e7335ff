/** Stylesheets are imported for esbuild to gather into app.css; they export nothing. */
declare module '*.css';
