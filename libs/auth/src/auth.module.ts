import {
  Module,
  type DynamicModule,
  type FactoryProvider,
  type ModuleMetadata,
  type Provider,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options';
import { JwtAuthGuard } from './jwt-auth.guard';
import { RolesGuard } from './roles.guard';
import { TokenVerifier } from './token.verifier';

/** Options of {@link AuthModule.forRootAsync}, for services that read auth settings from config. */
export interface AuthModuleAsyncOptions {
  readonly imports?: ModuleMetadata['imports'];
  readonly inject?: FactoryProvider['inject'];
  readonly useFactory: FactoryProvider<AuthOptions | Promise<AuthOptions>>['useFactory'];
}

/**
 * Authentication for a whole service: every HTTP route requires a valid bearer token unless marked
 * `@Public()`, and `@Roles(...)` is enforced. Import once in the root module.
 */
@Module({})
export class AuthModule {
  /** Registers the verifier and both guards as global `APP_GUARD`s. */
  static forRoot(options: AuthOptions): DynamicModule {
    return authModule([{ provide: AUTH_OPTIONS, useValue: options }]);
  }

  /** Same as {@link AuthModule.forRoot}, with options built by an injectable factory. */
  static forRootAsync(options: AuthModuleAsyncOptions): DynamicModule {
    const optionsProvider: Provider = {
      provide: AUTH_OPTIONS,
      useFactory: options.useFactory,
      inject: options.inject ?? [],
    };
    return { ...authModule([optionsProvider]), imports: options.imports ?? [] };
  }
}

function authModule(optionsProviders: Provider[]): DynamicModule {
  return {
    module: AuthModule,
    global: true,
    providers: [
      ...optionsProviders,
      // Built at boot so a missing secret or JWKS URL stops the service before it listens.
      {
        provide: TokenVerifier,
        useFactory: (options: AuthOptions) => new TokenVerifier(options),
        inject: [AUTH_OPTIONS],
      },
      // Order matters: RolesGuard reads the principal that JwtAuthGuard attaches.
      { provide: APP_GUARD, useClass: JwtAuthGuard },
      { provide: APP_GUARD, useClass: RolesGuard },
    ],
    exports: [AUTH_OPTIONS, TokenVerifier],
  };
}
